"""Full-screen views over the whole document: who said what, every figure."""

"""Full-screen or modal screens of the reader: help, the mark prompt, the command palette, a feed's list."""

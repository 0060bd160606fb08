"""The widgets the reader is built of: the article, its sidebar and bars, the search and topics panes."""

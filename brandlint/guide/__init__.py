"""Loading brand guides and rule files into one validated `Guide`."""

"""`gotong bench load`: a bounded locust run on loopback against a generated city."""

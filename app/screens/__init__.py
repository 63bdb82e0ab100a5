"""The app's pages; each is a small script over ``graph``'s public functions."""

"""The built-in tasks: parse documents, zip files, encode media."""

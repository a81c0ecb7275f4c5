"""Parallax's terminal reader: renders what ``alignment`` computes."""

"""Labs: controlled experiments that answer a question about the fork with numbers."""

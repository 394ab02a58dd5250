"""Reading the visual side of copy: CSS declarations, colours, font stacks, image files."""

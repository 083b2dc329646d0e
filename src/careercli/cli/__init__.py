"""The command-line layer: parse options, call the core, hand results to a renderer."""

"""Qt-free core: dataset loading, the fact sheet model, derived figures, audit and content."""

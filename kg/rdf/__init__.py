"""RDF layer: the ontology vocabulary, the corpus-to-graph mapping, SHACL validation and storage."""

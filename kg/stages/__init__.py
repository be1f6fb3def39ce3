"""Pipeline stages, one module each, in the order of ``kg.pipeline.STAGES``."""

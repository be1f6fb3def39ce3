"""The Arabic language layer: normalization, tokens, clitics and lexicons.

Every stage may import it; it imports nothing else from kg except ``kg.model``.
"""

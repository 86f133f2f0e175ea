"""Views of the catalog: cited answers built only from the structured data (cards, counts, comparisons)."""

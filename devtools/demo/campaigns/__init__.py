"""Demo data transcribed from the five source documents, plus the live demo campaign."""

//! Transcript parsing. STUB: to be implemented.

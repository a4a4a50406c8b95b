//! Alignment. STUB: to be implemented.

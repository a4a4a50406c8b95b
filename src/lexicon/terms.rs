//! The bundled list of official term renderings. STUB: to be implemented.

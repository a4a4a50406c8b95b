//! The library's error type: every error names the file (and line or byte offset where
//! known), because users run the tool over whole folders and must find the culprit.

use std::path::PathBuf;

/// Convenience alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong with a user's input or output location.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The input is not usable, with a precise reason (and position where known).
    #[error("{}{}: {message}", path.display(), position.as_ref().map(|p| format!(":{p}")).unwrap_or_default())]
    Input {
        /// The file concerned.
        path: PathBuf,
        /// `line N` or `byte N`, where known (already formatted, e.g. `12` or `byte 4096`).
        position: Option<String>,
        /// What is wrong, in words a translator understands.
        message: String,
    },
}

impl Error {
    /// An input error without a position.
    pub fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            position: None,
            message: message.into(),
        }
    }

    /// An input error at a 1-based line.
    pub fn at_line(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            position: Some(line.to_string()),
            message: message.into(),
        }
    }

    /// An input error at a byte offset.
    pub fn at_byte(path: impl Into<PathBuf>, offset: usize, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            position: Some(format!("byte {offset}")),
            message: message.into(),
        }
    }

    /// An I/O error on a file.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

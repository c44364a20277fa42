//! The generated tables (see `build.rs`).

use super::{Entry, Status};

include!(concat!(env!("OUT_DIR"), "/registry_tables.rs"));

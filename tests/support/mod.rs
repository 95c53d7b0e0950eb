//! What the test binaries share: running the binary (`cli`), a state on the fixture catalog and
//! drawing it (`tui`), two hand-built apps for comparisons (`apps`), a program in a
//! pseudo-terminal (`pty`), the corpora (`corpus`) and the one set of proptest strategies
//! (`strategies`). Each binary includes this folder as `mod support` and uses part of it.
#![allow(dead_code)]

pub mod apps;
pub mod cli;
pub mod corpus;
pub mod pty;
pub mod strategies;
pub mod sync;
pub mod tenant_tui;
pub mod tui;

use super::Failure;
use super::args::ImportArgs;

pub fn run(_args: &ImportArgs) -> Result<String, Failure> {
    Err(Failure::bad_input(
        "import is being wired to the page importer",
    ))
}

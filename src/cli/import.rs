use super::args::ImportArgs;
use super::{Failure, json_out};
use crate::import::{ImportOptions, import_paths};
use crate::text::{SafeText, output};

/// Import pages into a catalog file; the report goes to stderr so `-o -` stays clean JSON.
pub fn run(args: &ImportArgs) -> Result<SafeText, Failure> {
    let (catalog, report) = import_paths(
        &args.paths,
        &ImportOptions {
            strict: args.strict,
        },
    )
    .map_err(Failure::bad_input)?;
    let json = json_out(&catalog)?;
    output::info(&report);
    if args.output.as_os_str() == "-" {
        return Ok(json);
    }
    // A mistyped folder or pages of a new layout must not replace a good catalog with nothing.
    if catalog.apps.is_empty()
        && !args.allow_empty
        && std::fs::symlink_metadata(&args.output).is_ok()
    {
        return Err(Failure::bad_input(format!(
            "{}: not replaced: the import found no app (read {} pages, skipped {}); \
             check the paths, or pass --allow-empty to write an empty catalog anyway",
            args.output.display(),
            report.pages_read,
            report.skipped.len()
        )));
    }
    crate::review::write_atomic(&args.output, json.as_str().as_bytes())
        .map_err(|e| Failure::bad_input(format!("{}: cannot write: {e}", args.output.display())))?;
    output::info(format_args!(
        "wrote {} apps to {}",
        catalog.apps.len(),
        args.output.display()
    ));
    Ok(SafeText::default())
}

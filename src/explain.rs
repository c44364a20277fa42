//! placeholder
pub fn run(_c: &std::path::Path, _s: Option<&std::path::Path>, _j: bool) -> Result<String, String> { Ok(String::new()) }

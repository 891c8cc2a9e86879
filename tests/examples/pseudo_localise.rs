//! Writes a pseudo-localised copy of a docs tree (`pseudo_localise TREE OUT LOCALE`), or prints the
//! made-up words of English words (`pseudo_localise --words WORD...`).
use msgraph_docgen_e2e::pseudo::LOCALES;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--words") {
        for l in LOCALES {
            let words: Vec<String> = args[1..]
                .iter()
                .map(|a| format!("{a}={}", l.word(a)))
                .collect();
            println!("{}: {}", l.name, words.join(" "));
        }
        return;
    }
    let (tree, out, name) = (&args[0], &args[1], &args[2]);
    let locale = LOCALES
        .iter()
        .find(|l| l.name == name)
        .expect("a locale name");
    std::fs::create_dir_all(out).unwrap();
    for entry in std::fs::read_dir(tree).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let file = path.file_name().unwrap();
        std::fs::write(
            std::path::Path::new(out).join(file),
            msgraph_docgen_e2e::pseudo::localise(&text, locale),
        )
        .unwrap();
    }
}

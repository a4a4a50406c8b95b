fn main() {
    let args: Vec<String> = std::env::args().collect();
    let en = std::fs::read_to_string(&args[1]).unwrap();
    let mut doc = zhen_tm::parse::parse_document(&en, "d", &args[1]);
    if args.len() > 2 {
        let zh = std::fs::read_to_string(&args[2]).unwrap();
        let d2 = zhen_tm::parse::parse_document(&zh, "d", &args[2]);
        doc.zh = d2.zh;
    }
    let a = zhen_tm::align::align_document(&doc, &Default::default()).unwrap();
    println!("{}", serde_json::to_string(&a).unwrap());
}

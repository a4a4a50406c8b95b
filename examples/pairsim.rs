use zhen_tm::lexicon::dict::{self, Glosser};
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let mut g = Glosser::new();
    let s = dict::en_stems(&a[0]); let w = g.gloss(&a[1]);
    let (x, y) = dict::overlap(&s, &w);
    println!("en stems {} zh words {} hits {x}+{y} sim {:.2}", s.len(), w.len(), (x+y) as f64 / (s.len()+w.len()) as f64);
    for t in chinese_dictionary::tokenize(&a[1]) { let e = chinese_dictionary::query_by_simplified(t); print!("{t}:{} ", e.iter().map(|e| e.english.join("/")).collect::<Vec<_>>().join(";").chars().take(60).collect::<String>()); println!(); }
}

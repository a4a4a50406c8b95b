use zhen_tm::lexicon::dict::{self, Glosser};
fn main() {
    let gold = std::fs::read_to_string("../shared/gold/001.jsonl").unwrap();
    let mut g = Glosser::new();
    let beads: Vec<(String, String)> = gold.lines().filter_map(|l| {
        let v: serde_json::Value = serde_json::from_str(l).ok()?;
        let en: Vec<String> = v["en"].as_array()?.iter().map(|x| x.as_str().unwrap().to_string()).collect();
        let zh: Vec<String> = v["zh"].as_array()?.iter().map(|x| x.as_str().unwrap().to_string()).collect();
        if en.is_empty() || zh.is_empty() { return None; }
        Some((en.join(" "), zh.join("")))
    }).collect();
    let sim = |g: &mut Glosser, e: &str, z: &str| { let s = dict::en_stems(e); let w = g.gloss(z); let (a,b) = dict::overlap(&s,&w); (a+b) as f64 / (s.len()+w.len()).max(1) as f64 };
    let mut good = vec![]; let mut bad = vec![];
    for (i,(e,z)) in beads.iter().enumerate() { good.push(sim(&mut g,e,z)); let (_,z2) = &beads[(i*7+13)%beads.len()]; if z2!=z { bad.push(sim(&mut g,e,z2)); } }
    good.sort_by(f64::total_cmp); bad.sort_by(f64::total_cmp);
    let q = |v:&Vec<f64>| format!("p10 {:.2} p25 {:.2} p50 {:.2} p75 {:.2} p90 {:.2}", v[v.len()/10], v[v.len()/4], v[v.len()/2], v[3*v.len()/4], v[9*v.len()/10]);
    println!("good {}\nbad  {}", q(&good), q(&bad));
}

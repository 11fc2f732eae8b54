export const USAGE = `Backprop Studio command line

usage: backprop <command> FILE… [options]     (or: npm run --silent cli -- <command> FILE… [options])

commands:
  check FILE…                     validate graph files, one line each
  trace FILE --example I [--json] every node's s, z, ∂h/∂s, ∂E/∂s and every edge's weight and ∂E/∂w for example I
  train FILE… --epochs N [--out FILE | --out-dir DIR] [--json] [--log FILE.csv]
        [--eta η] [--mode sequential|minibatch|batch] [--batch-size B] [--shuffle | --no-shuffle]
        [--seed S] [--reset] [--loss squared|crossEntropy] [--l1 λ | --l2 λ | --no-reg] [--momentum β]
                                  train (WebAssembly kernel) with the file's settings or these;
                                  --reset re-draws the weights from the seed; Ctrl+C stops and writes;
                                  --log has train and test columns (E, mean E, accuracy, MSE)
  gradcheck FILE [--example I] [--json]
                                  compare backpropagation with centred finite differences:
                                  per edge rel = |a − n| / max(|a|, |n|, 1e-8), a by backprop,
                                  n = (E(w+h) − E(w−h)) / 2h, h = 1e-5; the largest rel graded
                                  ≤ 1e-7 right, ≤ 1e-4 probably right, ≤ 1e-2 suspicious, else wrong;
                                  edges with |a| and |n| both < 1e-8 are reported as near zero
                                  (too small for the difference to judge), not graded
  render FILE --svg OUT | --png OUT [--map]
                                  draw the graph (with --map: its decision map and examples beside it)
  export FILE --to pytorch|numpy|notebook [--out FILE]
                                  a program that trains the graph like the studio (stdout without --out)
  import MODEL.json --out FILE    a PyTorch nn.Sequential (JSON from sequential_to_json.py) as a graph file
  worksheet FILE --example I [--seed S] [--blank forward|backward|update|all|none|LIST] [--out FILE.html]
                                  a printable page (HTML, self-contained) of example I's forward pass,
                                  backward pass and update with blanks, the answer key on its own page;
                                  --seed re-draws the weights (one sheet per student); --blank LIST is
                                  comma-separated phases, kinds (s, z, E, dsigma, dEds, dEdw, w) or
                                  row keys such as z:3 (default: all); stdout without --out
  --help                          show this help

exit codes: 0 ok, 1 a file or run failed (with several files: any), 2 wrong command line, 130 Ctrl+C
`;

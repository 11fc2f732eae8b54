export const USAGE = `Backprop Studio command line

usage: npm run --silent cli -- <command> FILE [options]

commands:
  check FILE                      validate a graph file and summarise it
  trace FILE --example I [--json] every node's s, z, ∂h/∂s, ∂E/∂s and every edge's weight and ∂E/∂w for example I
  train FILE --epochs N [--out FILE] [--json]
                                  train with the file's settings; --out writes the trained graph
  gradcheck FILE [--example I] [--json]
                                  compare backpropagation with centred finite differences
  --help                          show this help

exit codes: 0 ok, 1 invalid file or failed run, 2 wrong command line
`;

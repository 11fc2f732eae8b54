// The small Python helper the PyTorch export ships: it writes a torch.nn.Sequential of Linear
// layers and Sigmoid/Tanh/ReLU as JSON (its layers and its state_dict), which `import` reads.

export const SEQUENTIAL_HELPER_NAME = 'sequential_to_json.py';

export const SEQUENTIAL_HELPER = `#!/usr/bin/env python3
"""Writes a torch.nn.Sequential of Linear layers and Sigmoid/Tanh/ReLU as JSON for Backprop Studio.

In Python:   from sequential_to_json import save_sequential; save_sequential(model, "net.json")
Or:          python3 sequential_to_json.py model.pt net.json   (a model saved with torch.save(model, ...))
Then:        backprop import net.json --out net.bpgraph.json
"""
import json
import sys

import torch
from torch import nn

ACTIVATIONS = (nn.Sigmoid, nn.Tanh, nn.ReLU)


def sequential_json(model):
    """the layers and the state_dict (float64 numbers, written exactly)"""
    if not isinstance(model, nn.Sequential):
        raise TypeError(f"expected a torch.nn.Sequential, got {type(model).__name__}")
    layers = []
    for index, module in enumerate(model):
        if isinstance(module, nn.Linear):
            layers.append({"index": index, "kind": "Linear", "in_features": module.in_features,
                           "out_features": module.out_features, "bias": module.bias is not None})
        elif isinstance(module, ACTIVATIONS):
            layers.append({"index": index, "kind": type(module).__name__})
        else:
            raise TypeError(f"layer {index} is a {type(module).__name__}: only Linear, Sigmoid, Tanh and ReLU can be imported")
    state = {name: value.detach().to(torch.float64).tolist() for name, value in model.state_dict().items()}
    return {"format": "torch.nn.Sequential", "layers": layers, "state_dict": state}


def save_sequential(model, path):
    with open(path, "w") as f:
        json.dump(sequential_json(model), f)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python3 sequential_to_json.py MODEL.pt OUT.json")
    save_sequential(torch.load(sys.argv[1], weights_only=False), sys.argv[2])
`;

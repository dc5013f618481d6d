"""The seed's Keras MNIST model in PyTorch on the CPU: 784-512-512-10, adam, batch 128.

Usage: torch_seed_mlp.py EPOCHS THREADS [float32|float64]
Prints seconds per epoch (training only) and the test loss and accuracy.

A copy of the course's reference program, kept here so that cmd/bench can run
it on a learner's machine (it needs PyTorch and numpy; the data comes from
mnist_data.py). cmd/bench reads its lines "epoch N: S s, ..." and
"test loss L test accuracy A".
"""
import sys, time
import numpy as np
import torch
from mnist_data import load

epochs, threads = int(sys.argv[1]), int(sys.argv[2])
dtype = torch.float64 if (len(sys.argv) > 3 and sys.argv[3] == "float64") else torch.float32
torch.set_num_threads(threads)
torch.manual_seed(0)
xtr, ytr, xte, yte = load()
xtr = torch.tensor(xtr, dtype=dtype) / 255
xte = torch.tensor(xte, dtype=dtype) / 255
ytr = torch.tensor(ytr, dtype=torch.long)
yte = torch.tensor(yte, dtype=torch.long)
model = torch.nn.Sequential(
    torch.nn.Linear(784, 512), torch.nn.ReLU(),
    torch.nn.Linear(512, 512), torch.nn.ReLU(),
    torch.nn.Linear(512, 10)).to(dtype)
opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
lossf = torch.nn.CrossEntropyLoss()
for epoch in range(epochs):
    t = time.perf_counter()
    perm = torch.randperm(len(xtr))
    for i in range(0, len(xtr), 128):
        idx = perm[i:i + 128]
        opt.zero_grad()
        loss = lossf(model(xtr[idx]), ytr[idx])
        loss.backward()
        opt.step()
    print(f"epoch {epoch + 1}: {time.perf_counter() - t:.2f} s, last batch loss {loss.item():.4f}", flush=True)
with torch.no_grad():
    out = model(xte)
    print(f"test loss {lossf(out, yte).item():.4f} test accuracy {(out.argmax(1) == yte).double().mean().item():.4f}")

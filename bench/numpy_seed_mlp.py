"""The seed's MNIST model written from scratch in numpy, samples as columns (Z = W A + b).

Usage: numpy_seed_mlp.py EPOCHS [float32|float64]
Prints seconds per epoch and the test loss and accuracy.

A copy of the course's reference program, kept here so that cmd/bench can run
it on a learner's machine (it needs numpy; the data comes from mnist_data.py).
cmd/bench reads its lines "epoch N: S s" and "test loss L test accuracy A".
"""
import sys, time
import numpy as np
from mnist_data import load

epochs = int(sys.argv[1])
dt = np.float32 if (len(sys.argv) > 2 and sys.argv[2] == "float32") else np.float64
rng = np.random.default_rng(0)
xtr, ytr, xte, yte = load()
X, Xt = (xtr.T / 255).astype(dt), (xte.T / 255).astype(dt)
Y = np.eye(10, dtype=dt)[ytr].T
sizes = [784, 512, 512, 10]
W = [rng.uniform(-1, 1, (o, i)).astype(dt) * np.sqrt(6 / (i + o)) for i, o in zip(sizes, sizes[1:])]
b = [np.zeros((o, 1), dt) for o in sizes[1:]]
params = W + b
m1 = [np.zeros_like(p) for p in params]
m2 = [np.zeros_like(p) for p in params]
lr, b1, b2, eps, step = 1e-3, 0.9, 0.999, 1e-7, 0

def forward(A):
    cache = [A]
    for l in range(3):
        Z = W[l] @ A + b[l]
        if l < 2:
            A = np.maximum(Z, 0)
        else:
            e = np.exp(Z - Z.max(0, keepdims=True))
            A = e / e.sum(0, keepdims=True)
        cache.append(A)
    return A, cache

for epoch in range(epochs):
    t = time.perf_counter()
    perm = rng.permutation(X.shape[1])
    for i in range(0, X.shape[1], 128):
        idx = perm[i:i + 128]
        A, cache = forward(X[:, idx])
        m = len(idx)
        dZ = (A - Y[:, idx]) / m
        gW, gb = [None] * 3, [None] * 3
        for l in (2, 1, 0):
            gW[l] = dZ @ cache[l].T
            gb[l] = dZ.sum(1, keepdims=True)
            if l:
                dZ = (W[l].T @ dZ) * (cache[l] > 0)
        step += 1
        for j, g in enumerate(gW + gb):
            m1[j] = b1 * m1[j] + (1 - b1) * g
            m2[j] = b2 * m2[j] + (1 - b2) * g * g
            mh = m1[j] / (1 - b1 ** step)
            vh = m2[j] / (1 - b2 ** step)
            params[j] -= lr * mh / (np.sqrt(vh) + eps)
    print(f"epoch {epoch + 1}: {time.perf_counter() - t:.2f} s", flush=True)
A, _ = forward(Xt)
loss = -np.mean(np.log(np.clip(A[yte, np.arange(len(yte))], 1e-7, 1)))
print(f"test loss {loss:.4f} test accuracy {(A.argmax(0) == yte).mean():.4f}")

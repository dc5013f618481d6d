"""Reference answers for the checks in package check, computed outside Go.

Run with Debian's python3 (apt-get install python3-numpy python3-torch):

    /usr/bin/python3 nn/check/testdata/reference.py

It prints Go declarations; reference.go holds them as printed. Every value
is computed twice, with numpy by the course's equations and with PyTorch
(autograd or torch.optim), and the script stops if the two disagree.
Matrices are printed row by row, samples as columns, as in package nn.
"""
import numpy as np
import torch

torch.set_default_dtype(torch.float64)


def go_matrix(a):
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    rows = ", ".join("{" + ", ".join(repr(float(v)) for v in row) + "}" for row in a)
    return "matrix([][]float64{" + rows + "})"


def show(name, a):
    print(f"\t{name}: {go_matrix(a)},")


def same(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    assert a.shape == b.shape, (a.shape, b.shape)
    assert np.allclose(a, b, rtol=1e-13, atol=1e-15), (a, b)


def t(a):
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True)


# The linear step Z = W A + b.
linear_cases = [
    ([[0.5, -1.2, 0.3], [2.0, 0.1, -0.7]],
     [[1.0, -2.0, 0.5, 3.0], [0.2, 0.4, -1.0, 1.5], [-3.0, 1.0, 2.0, -0.5]],
     [[0.1], [-0.4]]),
    ([[0.7, -0.2], [1.1, 0.4], [-0.6, 0.9]],
     [[2.0], [-1.5]],
     [[0.05], [-0.3], [0.2]]),
]
print("// linear: Z = W·A + b")
for W, A, b in linear_cases:
    Z = np.array(W) @ np.array(A) + np.array(b)
    same(Z, (t(W) @ t(A) + t(b)).detach())
    print("{")
    show("W", W), show("A", A), show("b", b), show("Z", Z)
    print("},")


# Sigmoid, including values that overflow e^z or e^-z.
print("// sigmoid: A = σ(Z)")
for Z in ([[-3.0, -0.5, 0.0], [0.5, 3.0, 10.0]], [[-800.0, -40.0, 40.0, 800.0]]):
    Zn = np.array(Z)
    with np.errstate(over="ignore"):
        A = np.where(Zn >= 0, 1 / (1 + np.exp(-Zn)), np.exp(np.minimum(Zn, 0)) / (1 + np.exp(np.minimum(Zn, 0))))
    same(A, torch.sigmoid(t(Z)).detach())
    print("{")
    show("Z", Z), show("A", A)
    print("},")


# The backward steps of sigmoid and ReLU: dZ = dA ⊙ g'(Z), through autograd.
def backward_cases(name, g, gprime, cases):
    print(f"// {name}: dZ = dA ⊙ g'(Z)")
    for dA, Z in cases:
        dZ = np.array(dA) * gprime(np.array(Z))
        Zt = t(Z)
        (dZt,) = torch.autograd.grad((g(Zt) * torch.tensor(dA)).sum(), Zt)
        same(dZ, dZt)
        print("{")
        show("dA", dA), show("Z", Z), show("dZ", dZ)
        print("},")


def sig(z):
    return 1 / (1 + np.exp(-z))


backward_cases("sigmoid backward", torch.sigmoid, lambda z: sig(z) * (1 - sig(z)), [
    ([[0.3, -1.2, 0.5], [2.0, -0.4, 0.8]], [[-2.0, 0.0, 0.7], [1.5, -0.3, 3.0]]),
    ([[1.0, -0.5], [0.25, 2.0]], [[0.4, -1.1], [2.2, -0.6]]),
])

print("// relu: A = max(0, Z)")
for Z in ([[-2.0, -0.5, 0.0], [0.5, 3.0, -0.001]], [[1.5], [-1.5]]):
    A = np.maximum(0, np.array(Z))
    same(A, torch.relu(t(Z)).detach())
    print("{")
    show("Z", Z), show("A", A)
    print("},")

# PyTorch takes ReLU'(0) = 0, as the course does.
backward_cases("relu backward", torch.relu, lambda z: (z > 0).astype(np.float64), [
    ([[0.3, -1.2, 0.5], [2.0, -0.4, 0.8]], [[-2.0, 0.0, 0.7], [1.5, -0.3, 3.0]]),
    ([[1.0, -0.5], [-0.25, 2.0]], [[0.4, 0.7], [0.0, -0.6]]),
])


# Binary cross-entropy, with predictions clipped to [1e-7, 1 - 1e-7] as
# Keras does; the second case needs the clipping.
print("// binary cross-entropy: J = -(1/m) Σ [y log ŷ + (1-y) log(1-ŷ)]")
for Yhat, Y in (([[0.9, 0.2, 0.6, 0.35]], [[1.0, 0.0, 1.0, 0.0]]),
                ([[1.0, 0.0, 0.5]], [[0.0, 0.0, 1.0]])):
    p = np.clip(np.array(Yhat), 1e-7, 1 - 1e-7)
    y = np.array(Y)
    m = p.shape[1]
    J = -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) / m
    Jt = torch.nn.functional.binary_cross_entropy(torch.tensor(p), torch.tensor(y), reduction="sum") / m
    same(J, Jt.item())
    print("{")
    show("Yhat", Yhat), show("Y", Y)
    print(f"\tJ: {J!r},")
    print("},")


# The linear backward step, against autograd of a loss whose dZ is given:
# L = Σ dZ ⊙ Z (per sample), J = L / m, so dW and db are gradients of J and
# dA_prev the gradient of L.
print("// linear backward: dW = (1/m) dZ·A_prevᵀ, db = (1/m) Σ dZ, dA_prev = Wᵀ·dZ")
for dZ, APrev, W in (
    ([[0.2, -0.5, 0.1, 0.7], [-0.3, 0.4, 0.6, -0.2]],
     [[1.0, -2.0, 0.5, 3.0], [0.2, 0.4, -1.0, 1.5], [-3.0, 1.0, 2.0, -0.5]],
     [[0.5, -1.2, 0.3], [2.0, 0.1, -0.7]]),
    ([[0.5, -0.1, 0.3], [0.2, 0.6, -0.4]],
     [[1.0, 0.5, -1.5], [-0.5, 2.0, 0.25]],
     [[0.8, -0.3], [0.4, 1.2]]),
):
    dZn, An, Wn = np.array(dZ), np.array(APrev), np.array(W)
    m = dZn.shape[1]
    dW = dZn @ An.T / m
    db = dZn.sum(axis=1, keepdims=True) / m
    dAPrev = Wn.T @ dZn
    Wt, At, bt = t(W), t(APrev), t(np.zeros((Wn.shape[0], 1)))
    L = ((Wt @ At + bt) * torch.tensor(dZ)).sum()
    gW, gb = torch.autograd.grad(L / m, (Wt, bt), retain_graph=True)
    (gA,) = torch.autograd.grad(L, At)
    same(dW, gW), same(db, gb), same(dAPrev, gA)
    print("{")
    show("dZ", dZ), show("APrev", APrev), show("W", W)
    show("dW", dW), show("db", db), show("dAPrev", dAPrev)
    print("},")


# Three Adam steps, by the paper's equations and by torch.optim.Adam (whose
# update is the same form: W -= rate·m̂/(√v̂ + ε)).
print("// adam: three steps from M = V = 0, rate 0.01")
W0 = [[0.5, -0.3, 0.8], [0.1, -0.6, 0.2]]
grads = [
    [[0.2, -0.1, 1e-6], [0.5, -0.8, 0.05]],
    [[0.1, 0.3, -2e-6], [0.4, -0.6, 0.0]],
    [[-0.2, 0.25, 1e-6], [0.3, -0.5, -0.05]],
]
rate, b1, b2, eps = 0.01, 0.9, 0.999, 1e-7
W, M, V = np.array(W0), np.zeros((2, 3)), np.zeros((2, 3))
Wt = t(W0)
opt = torch.optim.Adam([Wt], lr=rate, betas=(b1, b2), eps=eps)
print(f"\tW0: {go_matrix(W0)},")
print("\tsteps: []adamStep{")
for step, g in enumerate(grads, start=1):
    g = np.array(g)
    M = b1 * M + (1 - b1) * g
    V = b2 * V + (1 - b2) * g * g
    mhat = M / (1 - b1**step)
    vhat = V / (1 - b2**step)
    W = W - rate * mhat / (np.sqrt(vhat) + eps)
    Wt.grad = torch.tensor(g)
    opt.step()
    state = opt.state[Wt]
    same(W, Wt.detach()), same(M, state["exp_avg"]), same(V, state["exp_avg_sq"])
    print("\t\t{")
    print(f"\t\t\tdW: {go_matrix(g)},")
    print(f"\t\t\tW: {go_matrix(W)},")
    print(f"\t\t\tM: {go_matrix(M)},")
    print(f"\t\t\tV: {go_matrix(V)},")
    print("\t\t},")
print("\t},")


# A full-batch training loop: 2 inputs, 3 ReLU units, 1 sigmoid output,
# binary cross-entropy, plain gradient descent with rate 0.5. The loss of
# each epoch is J of that epoch's forward pass, before its update.
print("// training loop: losses of 6 epochs")
X = np.array([[0.0, 1.0, 0.5, -1.0], [1.0, 0.2, -0.5, 0.8]])
Y = np.array([[1.0, 0.0, 0.0, 1.0]])
W1 = np.array([[0.4, -0.6], [0.9, 0.3], [-0.5, 0.8]])
b1_ = np.array([[0.1], [-0.2], [0.05]])
W2 = np.array([[0.7, -1.1, 0.6]])
b2_ = np.array([[0.2]])
params_t = [t(W1), t(b1_), t(W2), t(b2_)]
sgd = torch.optim.SGD(params_t, lr=0.5)
losses = []
m = X.shape[1]
for epoch in range(6):
    Z1 = W1 @ X + b1_
    A1 = np.maximum(0, Z1)
    assert np.all(Z1 != 0)
    Z2 = W2 @ A1 + b2_
    Yhat = sig(Z2)
    J = -np.sum(Y * np.log(Yhat) + (1 - Y) * np.log(1 - Yhat)) / m
    losses.append(J)
    dZ2 = Yhat - Y
    dW2, db2 = dZ2 @ A1.T / m, dZ2.sum(axis=1, keepdims=True) / m
    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (Z1 > 0)
    dW1, db1 = dZ1 @ X.T / m, dZ1.sum(axis=1, keepdims=True) / m
    W1, b1_, W2, b2_ = W1 - 0.5 * dW1, b1_ - 0.5 * db1, W2 - 0.5 * dW2, b2_ - 0.5 * db2

    sgd.zero_grad()
    Wa, ba, Wb, bb = params_t
    Yt = torch.sigmoid(Wb @ torch.relu(Wa @ torch.tensor(X) + ba) + bb)
    Jt = torch.nn.functional.binary_cross_entropy(Yt, torch.tensor(Y))
    same(J, Jt.item())
    Jt.backward()
    sgd.step()
print("\tX: " + go_matrix(X) + ",")
print("\tY: " + go_matrix(Y) + ",")
print("\tW1: " + go_matrix([[0.4, -0.6], [0.9, 0.3], [-0.5, 0.8]]) + ",")
print("\tb1: " + go_matrix([[0.1], [-0.2], [0.05]]) + ",")
print("\tW2: " + go_matrix([[0.7, -1.1, 0.6]]) + ",")
print("\tb2: " + go_matrix([[0.2]]) + ",")
print("\tlosses: []float64{" + ", ".join(repr(float(v)) for v in losses) + "},")

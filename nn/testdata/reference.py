"""Reference values for the nn tests, computed with PyTorch (float64).

Run with Debian's python3 (apt-get install python3-torch):

    /usr/bin/python3 nn/testdata/reference.py

The tests hold the printed numbers; this script records where they came
from. Matrices are printed row by row, samples as columns, as in nn.
"""
import torch

torch.set_default_dtype(torch.float64)
torch.set_printoptions(precision=17)


def show(name, t):
    t = t.detach()
    if t.dim() == 0:
        print(f"{name} = {t.item()!r}")
        return
    if t.dim() == 1:
        t = t.reshape(-1, 1)
    rows = ", ".join("{" + ", ".join(repr(v) for v in row.tolist()) + "}" for row in t)
    print(f"{name} = [{rows}]")


# The linear step Z = W A + b.
W = torch.tensor([[0.2, -0.5, 1.0], [1.5, 0.3, -0.7]])
A = torch.tensor([[1.0, -1.0], [2.0, 0.5], [-3.0, 4.0]])
b = torch.tensor([[0.1], [-0.2]])
show("linearZ", W @ A + b)

# Activations and derivatives at a few points.
z = torch.tensor([-3.0, -0.5, 0.0, 0.5, 3.0], requires_grad=True)
for name, f in [("sigmoid", torch.sigmoid), ("tanh", torch.tanh),
                ("leaky", lambda x: torch.nn.functional.leaky_relu(x, 0.01))]:
    y = f(z)
    (g,) = torch.autograd.grad(y.sum(), z)
    show(name, y)
    show(name + "Derivative", g)

# Softmax per column, including huge logits.
Zs = torch.tensor([[1.0, -2.0, 1e4], [2.0, 0.0, -1e4], [3.0, 2.0, 0.0]])
show("softmax", torch.softmax(Zs, dim=0))

# Softmax backward: dZ for a given dA, through autograd.
Zs2 = torch.tensor([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.7]], requires_grad=True)
dA = torch.tensor([[0.3, -0.2], [-1.0, 0.5], [0.25, 2.0]])
(dZ,) = torch.autograd.grad((torch.softmax(Zs2, dim=0) * dA).sum(), Zs2)
show("softmaxBackward", dZ)


# Losses, clipped as Keras clips (1e-7).
def clip(p):
    return p.clamp(1e-7, 1 - 1e-7)


Yhat = torch.tensor([[0.9, 0.2, 0.6, 1.0, 0.0]], requires_grad=True)
Y = torch.tensor([[1.0, 0.0, 1.0, 1.0, 1.0]])
bce = -(Y * torch.log(clip(Yhat)) + (1 - Y) * torch.log(1 - clip(Yhat))).sum() / 5
show("bce", bce)
Yhat2 = torch.tensor([[0.9, 0.2, 0.6, 0.3]], requires_grad=True)
Y2 = torch.tensor([[1.0, 0.0, 1.0, 0.0]])
bce2 = -(Y2 * torch.log(Yhat2) + (1 - Y2) * torch.log(1 - Yhat2)).sum()
(g,) = torch.autograd.grad(bce2, Yhat2)
show("bceGradient", g)

P = torch.tensor([[0.7, 0.1, 0.0], [0.2, 0.8, 0.3], [0.1, 0.1, 0.7]], requires_grad=True)
T = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
cce = -(T * torch.log(clip(P))).sum() / 3
show("cce", cce)
P2 = torch.tensor([[0.7, 0.1], [0.2, 0.8], [0.1, 0.1]], requires_grad=True)
T2 = torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
(g,) = torch.autograd.grad(-(T2 * torch.log(P2)).sum(), P2)
show("cceGradient", g)

# The linear backward step, as the gradient of J = (1/m) Σ (dZ ⊙ Z) over
# W, b and A, so that dZ is the per-sample derivative.
Wl = W.clone().requires_grad_()
Al = A.clone().requires_grad_()
bl = b.clone().requires_grad_()
dZl = torch.tensor([[0.5, -1.0], [2.0, 0.25]])
J = (dZl * (Wl @ Al + bl)).sum() / 2
dW, db, dAprev = torch.autograd.grad(J, [Wl, bl, Al])
show("linearDW", dW)
show("linearDB", db)
show("linearDAPrev", dAprev * 2)  # per sample, without the 1/m

# A 3-layer network 3 → 4 tanh → 3 relu → 2 softmax on 3 samples, with the
# categorical cross-entropy: the gradient of every parameter.
g = torch.Generator().manual_seed(7)
X = torch.tensor([[0.5, -1.2, 0.3], [1.0, 0.4, -0.8], [-0.6, 0.9, 1.1]])
Yn = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
W1 = torch.round(torch.randn(4, 3, generator=g) * 1000) / 1000
b1 = torch.round(torch.randn(4, 1, generator=g) * 1000) / 1000
W2 = torch.round(torch.randn(3, 4, generator=g) * 1000) / 1000
b2 = torch.round(torch.randn(3, 1, generator=g) * 1000) / 1000
W3 = torch.round(torch.randn(2, 3, generator=g) * 1000) / 1000
b3 = torch.round(torch.randn(2, 1, generator=g) * 1000) / 1000
params = [W1, b1, W2, b2, W3, b3]
for p in params:
    p.requires_grad_()
A1 = torch.tanh(W1 @ X + b1)
A2 = torch.relu(W2 @ A1 + b2)
Yh = torch.softmax(W3 @ A2 + b3, dim=0)
Jn = -(Yn * torch.log(Yh)).sum() / 3
grads = torch.autograd.grad(Jn, params)
for name, p in zip(["W1", "b1", "W2", "b2", "W3", "b3"], params):
    show("net" + name, p)
show("netYhat", Yh)
show("netLoss", Jn)
for name, gr in zip(["dW1", "db1", "dW2", "db2", "dW3", "db3"], grads):
    show("net" + name, gr)

# Adam, two steps on w with gradients g1 then g2 (PyTorch's Adam is the
# paper's form: w -= lr * m̂ / (sqrt(v̂) + eps)).
w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1, betas=(0.9, 0.999), eps=1e-7)
for gv in ([0.5, -0.1, 0.0], [0.2, 0.3, -4.0]):
    opt.zero_grad()
    w.grad = torch.tensor(gv)
    opt.step()
show("adam", w)

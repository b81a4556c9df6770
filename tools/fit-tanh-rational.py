#!/usr/bin/env python3
"""Fits the odd rational approximation tanh(x) ~ x P(x^2) / Q(x^2) of SiluKernel.

P has 7 coefficients (degree 13 in x), Q 4 with Q(0) = 1 (degree 6), on [0, c] with
c = 7.90531110763549805 (beyond it the kernel holds tanh(c)). The fit is the linearised least-squares
problem x P(x^2) - tanh(x) Q(x^2) = 0 on Chebyshev nodes, in u = x/c for conditioning, reweighted
(Lawson) towards the minimax error, then converted to coefficients in x. Prints the coefficients,
the error in exact arithmetic and the error of a float32 Horner evaluation on [-12, 12].

    /usr/bin/python3 tools/fit-tanh-rational.py
"""
import numpy as np

C = 7.90531110763549805
NP, NQ = 7, 4

u = (1 - np.cos(np.linspace(0, np.pi, 20001))) / 2
u = u[u > 1e-9]
t = np.tanh(C * u)
u2 = u ** 2
a = np.hstack([u[:, None] * u2[:, None] ** np.arange(NP),
               -(t[:, None] * u2[:, None] ** np.arange(1, NQ))])
w = np.ones_like(u)
for _ in range(50):
    sol, *_ = np.linalg.lstsq(a * w[:, None], t * w, rcond=None)
    p, q = sol[:NP], np.concatenate([[1.0], sol[NP:]])
    err = u * np.polyval(p[::-1], u2) / np.polyval(q[::-1], u2) - t
    w = w * (np.abs(err) / np.abs(err).max() + 1e-2) ** 0.3
    w /= w.mean()
pk = p / C ** (2 * np.arange(NP) + 1)
qk = q / C ** (2 * np.arange(NQ))

z = np.linspace(-12, 12, 2400001)
x = np.clip(z, -C, C).astype(np.float32)
x2 = (x * x).astype(np.float32)
num = np.float32(0)
for k in range(NP - 1, -1, -1):
    num = (num * x2 + np.float32(pk[k])).astype(np.float32)
den = np.float32(0)
for k in range(NQ - 1, -1, -1):
    den = (den * x2 + np.float32(qk[k])).astype(np.float32)
f32 = (x * num / den).astype(np.float32)
print("P (x^1, x^3, ...):", [repr(v) for v in pk])
print("Q (1, x^2, ...):  ", [repr(v) for v in qk])
print("max |error| exact arithmetic:", np.abs(err).max())
print("max |error| float32 on [-12, 12]:", np.abs(f32.astype(np.float64) - np.tanh(z)).max())

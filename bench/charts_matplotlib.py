#!/usr/bin/env python3
"""The same 10,000-point scatter as `datajam-bench charts`, drawn by matplotlib (Agg),
for comparison: SVG, and PNG at 1920 x 1080 (9.6 x 5.4 in at 200 dpi). Times the whole
figure (create, scatter, labels, save), median of N runs after a warm-up.

Usage: python3 bench/charts_matplotlib.py [reps]
"""
import io
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def data(points=10_000):
    state = 42
    xs, ys = [], []
    for _ in range(points):
        vals = []
        for _ in range(2):
            state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
            vals.append((state >> 11) / 2**53)
        x = vals[0] * 1000.0
        xs.append(x)
        ys.append(0.6 * x + vals[1] * 300.0)
    return xs, ys


def draw(xs, ys, fmt):
    fig, ax = plt.subplots(figsize=(9.6, 5.4), dpi=100)
    ax.scatter(xs, ys, s=6, alpha=0.45, color="#0072B2", linewidths=0)
    ax.set_title("Nuage de 10 000 points", loc="left", fontweight="bold")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.grid(True, color="#E2E2E2")
    fig.text(0.03, 0.01, "Source : Données simulées", fontsize=8)
    buf = io.BytesIO()
    if fmt == "png":
        fig.savefig(buf, format="png", dpi=200)
    else:
        fig.savefig(buf, format="svg")
    plt.close(fig)
    return len(buf.getvalue())


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    xs, ys = data()
    print(f"matplotlib {matplotlib.__version__}, Agg backend; median of {reps} runs after one warm-up")
    print("| chart | median | output |")
    print("|---|---:|---:|")
    for fmt, name in [("svg", "scatter, 10,000 points → SVG"), ("png", "scatter, 10,000 points → PNG 1920×1080")]:
        size = draw(xs, ys, fmt)
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            draw(xs, ys, fmt)
            times.append(time.perf_counter() - t)
        print(f"| {name} | {statistics.median(times) * 1000:.1f} ms | {size / 1000:.0f} kB |")


if __name__ == "__main__":
    main()

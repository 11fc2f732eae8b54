// The engine's seeded generator (src/engine/random.ts: sfc32 seeded through splitmix32) and its
// per-epoch Fisher–Yates shuffle, as Python over 32-bit integers, so an exported script visits
// the examples in exactly the order the command line and the app do.

export const PYTHON_RANDOM = `MASK32 = 0xFFFFFFFF


def splitmix32(state):
    """a well-mixed 32-bit value from a 32-bit state (the engine's splitmix32)"""
    z = (state + 0x9E3779B9) & MASK32
    z = ((z ^ (z >> 16)) * 0x21F0AAAD) & MASK32
    z = ((z ^ (z >> 15)) * 0x735A2D97) & MASK32
    return (z ^ (z >> 15)) & MASK32


def seed32(seed):
    """any integer seed to 32 bits, both halves of a large one kept"""
    low = seed % 0x100000000
    high = (seed // 0x100000000) & MASK32
    return splitmix32(low ^ ((high * 0x85EBCA6B) & MASK32))


def signed32(v):
    return v - 0x100000000 if v >= 0x80000000 else v


class Sfc32:
    """sfc32, seeded as the engine seeds it; next() is uniform in [0, 1)"""

    def __init__(self, seed):
        self.a = seed32(seed)
        self.b = splitmix32(self.a)
        self.c = splitmix32(self.b)
        self.d = 1
        for _ in range(12):
            self.next32()

    def next32(self):
        t = (self.a + self.b + self.d) & MASK32
        self.d = (self.d + 1) & MASK32
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & MASK32
        self.c = ((self.c << 21) | (self.c >> 11)) & MASK32
        self.c = (self.c + t) & MASK32
        return t

    def next(self):
        return self.next32() / 0x100000000

    def int(self, n):
        return math.floor(self.next() * n)


def epoch_order(seed, epoch, n):
    """the order epoch number \`epoch\` visits n examples in: Fisher–Yates from a generator seeded with (seed, epoch)"""
    rng = Sfc32(signed32(seed32(seed) ^ ((splitmix32(epoch & MASK32) * 0x9E3779B1) & MASK32)))
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rng.int(i + 1)
        order[i], order[j] = order[j], order[i]
    return order
`;

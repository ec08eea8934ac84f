//! zlib compression for content streams: one deflate block with the fixed
//! Huffman codes, matches found greedily through a small hash table of the last
//! position of each 4-byte sequence.
//!
//! For our content streams (short repeated operators and numbers) this compresses
//! as well as zlib's fastest level through miniz_oxide, at well under half the
//! cost: no Huffman tables to build, and no 300 KB of compressor state to clear
//! for every stream.

/// Bits, least significant first, as deflate packs them.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, v: u32, len: u32) {
        self.acc |= u64::from(v) << self.n;
        self.n += len;
        if self.n >= 32 {
            self.out.extend_from_slice(&(self.acc as u32).to_le_bytes());
            self.acc >>= 32;
            self.n -= 32;
        }
    }

    fn finish(mut self) -> Vec<u8> {
        while self.n > 0 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n = self.n.saturating_sub(8);
        }
        self.out
    }
}

/// `v`'s `len` low bits in reverse order: Huffman codes go most significant bit first.
const fn reverse(v: u32, len: u32) -> u32 {
    let mut r = 0;
    let mut i = 0;
    while i < len {
        r = (r << 1) | ((v >> i) & 1);
        i += 1;
    }
    r
}

/// The fixed code of each literal/length symbol (RFC 1951, 3.2.6), reversed, and its length.
const LITLEN: [(u16, u8); 288] = {
    let mut t = [(0u16, 0u8); 288];
    let mut s = 0;
    while s < 288 {
        let (code, len) = match s {
            0..=143 => (0x30 + s, 8),
            144..=255 => (0x190 + s - 144, 9),
            256..=279 => (s - 256, 7),
            _ => (0xc0 + s - 280, 8),
        };
        t[s as usize] = (reverse(code as u32, len) as u16, len as u8);
        s += 1;
    }
    t
};

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// For each match length 3..=258 (index: length - 3), its code and extra bits
/// as written, and how many bits that is.
const LEN_BITS: [(u32, u8); 256] = {
    let mut t = [(0u32, 0u8); 256];
    let mut c = 0;
    while c < 29 {
        let mut l = LEN_BASE[c] as usize;
        let end = if c == 28 {
            259
        } else {
            LEN_BASE[c + 1] as usize
        };
        while l < end {
            let (code, len) = LITLEN[257 + c];
            let extra = (l - LEN_BASE[c] as usize) as u32;
            t[l - 3] = (code as u32 | extra << len, len + LEN_EXTRA[c]);
            l += 1;
        }
        c += 1;
    }
    t
};

/// The distance code of distances 1..=256 (index: distance - 1) and, for longer
/// ones, of (distance - 1) >> 7 (index: 256 + that).
const DIST_CODE: [u8; 512] = {
    let mut t = [0u8; 512];
    let mut c = 0;
    while c < 30 {
        let mut d = DIST_BASE[c] as usize;
        let end = if c == 29 {
            32769
        } else {
            DIST_BASE[c + 1] as usize
        };
        while d < end {
            if d <= 256 {
                t[d - 1] = c as u8;
            } else {
                t[256 + ((d - 1) >> 7)] = c as u8;
            }
            d += 1;
        }
        c += 1;
    }
    t
};

const HASH_BITS: u32 = 12;
/// The shortest match looked for (deflate allows 3; 4 compresses our streams better).
const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 258;
const WINDOW: usize = 32768;

fn read4(data: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(i..i + 4)?.try_into().ok()?))
}

fn read8(data: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(data.get(i..i + 8)?.try_into().ok()?))
}

fn hash(v: u32) -> usize {
    (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
}

/// How many bytes from `b` on repeat those from `a` on (`a < b`), at most `max`.
fn match_len(data: &[u8], a: usize, b: usize, max: usize) -> usize {
    let mut l = 0;
    while l + 8 <= max {
        match (read8(data, a + l), read8(data, b + l)) {
            (Some(x), Some(y)) if x == y => l += 8,
            (Some(x), Some(y)) => return l + ((x ^ y).trailing_zeros() / 8) as usize,
            _ => break,
        }
    }
    while l < max && data.get(a + l).is_some_and(|x| data.get(b + l) == Some(x)) {
        l += 1;
    }
    l
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes is the most that cannot overflow before the reduction.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

/// `data` as a zlib stream.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut bits = Bits {
        out: Vec::with_capacity(data.len() / 2 + 16),
        acc: 0,
        n: 0,
    };
    // zlib header: deflate, 32 KB window, fastest level, check bits.
    bits.out.extend_from_slice(&[0x78, 0x01]);
    // The one, final block, with the fixed codes.
    bits.put(0b011, 3);
    let literal = |bits: &mut Bits, x: u8| {
        let (code, len) = LITLEN[usize::from(x)];
        bits.put(u32::from(code), u32::from(len));
    };
    // Last position + 1 of each hashed 4-byte sequence (0: none).
    let mut table = [0u32; 1 << HASH_BITS];
    let n = data.len();
    let mut i = 0;
    while i < n {
        let Some(v) = read4(data, i) else {
            // The last bytes cannot start a match.
            for &x in data.get(i..).unwrap_or(&[]) {
                literal(&mut bits, x);
            }
            break;
        };
        let h = hash(v);
        let candidate = table[h] as usize;
        table[h] = (i + 1) as u32;
        if let Some(c) = candidate.checked_sub(1).filter(|&c| i - c <= WINDOW) {
            let l = match_len(data, c, i, (n - i).min(MAX_MATCH));
            if l >= MIN_MATCH {
                let (code, len) = LEN_BITS[l - 3];
                bits.put(code, u32::from(len));
                let d = i - c;
                let dc = usize::from(if d <= 256 {
                    DIST_CODE[d - 1]
                } else {
                    DIST_CODE[256 + ((d - 1) >> 7)]
                });
                let extra = (d - usize::from(DIST_BASE[dc])) as u32;
                bits.put(
                    reverse(dc as u32, 5) | extra << 5,
                    5 + u32::from(DIST_EXTRA[dc]),
                );
                // The positions inside the match are remembered too.
                let end = i + l;
                i += 1;
                while i < end {
                    if let Some(v) = read4(data, i) {
                        table[hash(v)] = (i + 1) as u32;
                    }
                    i += 1;
                }
                continue;
            }
        }
        literal(&mut bits, v as u8);
        i += 1;
    }
    let (code, len) = LITLEN[256];
    bits.put(u32::from(code), u32::from(len));
    let mut out = bits.finish();
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(z: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(z)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn round_trips() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let text = b"BT\n/UNRSAA 10 Tf\n1 0 0 1 123.4 481.19995 Tm\n[(\x00\x12\x00\x28)-27.500034(\x00\x0d)] TJ\nET\n";
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"a".to_vec(),
            b"abcd".to_vec(),
            vec![0; 100_000],
            text.repeat(2000),
        ];
        // Random bytes over a small alphabet (many short matches), and long inputs
        // with matches at the far end of the window.
        for len in [5, 17, 300, 4096, 70_000] {
            cases.push(
                (0..len)
                    .map(|_| b"ab( )\\\r0123"[(next() % 11) as usize])
                    .collect(),
            );
        }
        let block: Vec<u8> = (0..40_000).map(|_| next() as u8).collect();
        cases.push([block.as_slice(), block.as_slice()].concat());
        for (k, c) in cases.iter().enumerate() {
            let z = zlib(c);
            assert_eq!(&inflate(&z), c, "case {k}");
        }
        // It compresses what repeats.
        assert!(zlib(&text.repeat(2000)).len() < text.len() * 20);
    }
}

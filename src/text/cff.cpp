// text/cff — the keying of a CFF table (Adobe Technical Note #5176).
#include "text/cff.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace deckpdf::text {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool has(size_t at, size_t n) const { return at <= b_.size() && n <= b_.size() - at; }
  uint32_t u8(size_t at) const { return static_cast<unsigned char>(b_[at]); }
  uint32_t u16(size_t at) const { return (u8(at) << 8) | u8(at + 1); }
  uint32_t offset(size_t at, uint32_t size) const {
    uint32_t v = 0;
    for (uint32_t i = 0; i < size; ++i) v = (v << 8) | u8(at + i);
    return v;
  }

  // An INDEX at `at`: its count, where its data starts, and its end.
  struct Index {
    uint32_t count = 0;
    size_t offsets = 0;  // first offset entry
    uint32_t off_size = 0;
    size_t data = 0;  // byte before the data: offsets are relative to it
    size_t end = 0;
  };
  std::optional<Index> index(size_t at) const {
    Index ix;
    if (!has(at, 2)) return std::nullopt;
    ix.count = u16(at);
    if (ix.count == 0) {
      ix.end = at + 2;
      return ix;
    }
    if (!has(at, 3)) return std::nullopt;
    ix.off_size = u8(at + 2);
    if (ix.off_size < 1 || ix.off_size > 4) return std::nullopt;
    ix.offsets = at + 3;
    size_t table = size_t{ix.count + 1} * ix.off_size;
    if (!has(ix.offsets, table)) return std::nullopt;
    ix.data = ix.offsets + table - 1;
    uint32_t last = offset(ix.offsets + size_t{ix.count} * ix.off_size, ix.off_size);
    if (last < 1 || !has(ix.data, last)) return std::nullopt;
    ix.end = ix.data + last;
    return ix;
  }
  // Entry `i`'s bytes.
  std::optional<std::string_view> entry(const Index& ix, uint32_t i) const {
    if (i >= ix.count) return std::nullopt;
    uint32_t a = offset(ix.offsets + size_t{i} * ix.off_size, ix.off_size);
    uint32_t z = offset(ix.offsets + size_t{i + 1} * ix.off_size, ix.off_size);
    if (a < 1 || z < a || !has(ix.data + a, z - a)) return std::nullopt;
    return b_.substr(ix.data + a, z - a);
  }

 private:
  std::string_view b_;
};

// The Top DICT's operators that matter here.
struct TopDict {
  bool ros = false;
  long charset = 0;
  long char_strings = -1;
};

std::optional<TopDict> read_top_dict(std::string_view d) {
  TopDict top;
  long operands[48];
  int n = 0;
  for (size_t i = 0; i < d.size();) {
    unsigned b0 = static_cast<unsigned char>(d[i]);
    auto byte = [&](size_t k) { return static_cast<long>(static_cast<unsigned char>(d[k])); };
    if (b0 <= 21) {  // an operator
      unsigned op = b0;
      if (b0 == 12) {
        if (i + 1 >= d.size()) return std::nullopt;
        op = 1200 + static_cast<unsigned>(byte(i + 1));
        i += 2;
      } else {
        ++i;
      }
      if (op == 1230) top.ros = true;
      if (op == 15 && n >= 1) top.charset = operands[n - 1];
      if (op == 17 && n >= 1) top.char_strings = operands[n - 1];
      n = 0;
      continue;
    }
    long v = 0;
    if (b0 >= 32 && b0 <= 246) {
      v = static_cast<long>(b0) - 139;
      i += 1;
    } else if (b0 >= 247 && b0 <= 254) {
      if (i + 1 >= d.size()) return std::nullopt;
      long w = (static_cast<long>(b0 >= 251 ? b0 - 251 : b0 - 247) << 8) + byte(i + 1) + 108;
      v = b0 >= 251 ? -w : w;
      i += 2;
    } else if (b0 == 28) {
      if (i + 2 >= d.size()) return std::nullopt;
      v = static_cast<int16_t>((byte(i + 1) << 8) | byte(i + 2));
      i += 3;
    } else if (b0 == 29) {
      if (i + 4 >= d.size()) return std::nullopt;
      v = static_cast<int32_t>(
          (static_cast<uint32_t>(byte(i + 1)) << 24) | (static_cast<uint32_t>(byte(i + 2)) << 16) |
          (static_cast<uint32_t>(byte(i + 3)) << 8) | static_cast<uint32_t>(byte(i + 4)));
      i += 5;
    } else if (b0 == 30) {  // a real: nibbles up to an 0xF; not needed here
      ++i;
      while (i < d.size() && (byte(i) & 0xF) != 0xF && (byte(i) >> 4) != 0xF) ++i;
      ++i;
    } else {
      return std::nullopt;  // reserved
    }
    if (n < 48) operands[n++] = v;
  }
  return top;
}

}  // namespace

CffKeying cff_keying(std::string_view cff) {
  Reader r(cff);
  if (!r.has(0, 4) || r.u8(0) != 1) return CffKeying::Invalid;
  auto names = r.index(r.u8(2));
  if (!names) return CffKeying::Invalid;
  auto tops = r.index(names->end);
  if (!tops || tops->count < 1) return CffKeying::Invalid;
  auto top_bytes = r.entry(*tops, 0);
  if (!top_bytes) return CffKeying::Invalid;
  auto top = read_top_dict(*top_bytes);
  if (!top) return CffKeying::Invalid;
  if (!top->ros) return CffKeying::Name;
  if (top->char_strings <= 0 || top->charset <= 2) return CffKeying::CidOther;
  auto strings = r.index(static_cast<size_t>(top->char_strings));
  if (!strings) return CffKeying::Invalid;
  uint32_t glyphs = strings->count;
  size_t at = static_cast<size_t>(top->charset);
  if (!r.has(at, 1)) return CffKeying::Invalid;
  unsigned format = r.u8(at++);
  // Glyph 0 is .notdef (CID 0); the charset lists glyphs 1 and on.
  uint32_t gid = 1;
  while (gid < glyphs) {
    if (format == 0) {
      if (!r.has(at, 2)) return CffKeying::Invalid;
      if (r.u16(at) != gid) return CffKeying::CidOther;
      at += 2;
      ++gid;
    } else if (format == 1 || format == 2) {
      size_t size = format == 1 ? 3 : 4;
      if (!r.has(at, size)) return CffKeying::Invalid;
      uint32_t first = r.u16(at);
      uint32_t left = format == 1 ? r.u8(at + 2) : r.u16(at + 2);
      if (first != gid) return CffKeying::CidOther;
      gid += left + 1;
      at += size;
    } else {
      return CffKeying::Invalid;
    }
  }
  return CffKeying::CidIdentity;
}

}  // namespace deckpdf::text

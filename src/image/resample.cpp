// image/resample — see resample.h: the area average for pixels, and the
// choice of DCT scale for a JPEG.
#include "image/resample.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace deckpdf::image {

namespace {

// Each new pixel is the average of the old ones its area covers; colour is
// weighted by alpha, so that transparent pixels lend no colour to an edge.
void area_average(const Picture& in, Picture& out) {
  const uint32_t W = in.width, H = in.height, w = out.width, h = out.height;
  const int ch = in.channels;
  bool has_alpha = !in.alpha.empty();
  out.channels = ch;
  out.pixels.assign(size_t{w} * h * static_cast<size_t>(ch), '\0');
  if (has_alpha) out.alpha.assign(size_t{w} * h, '\0');
  auto at = [](const std::string& s, size_t i) {
    return static_cast<double>(static_cast<unsigned char>(s[i]));
  };
  std::vector<double> sum(static_cast<size_t>(ch));
  for (uint32_t y = 0; y < h; ++y) {
    uint32_t y0 = static_cast<uint32_t>(uint64_t{y} * H / h);
    uint32_t y1 = std::max(y0 + 1, static_cast<uint32_t>(uint64_t{y + 1} * H / h));
    for (uint32_t x = 0; x < w; ++x) {
      uint32_t x0 = static_cast<uint32_t>(uint64_t{x} * W / w);
      uint32_t x1 = std::max(x0 + 1, static_cast<uint32_t>(uint64_t{x + 1} * W / w));
      std::fill(sum.begin(), sum.end(), 0.0);
      double weight = 0, alpha = 0;
      for (uint32_t sy = y0; sy < y1; ++sy) {
        for (uint32_t sx = x0; sx < x1; ++sx) {
          size_t i = size_t{sy} * W + sx;
          double a = has_alpha ? at(in.alpha, i) / 255 : 1;
          for (int c = 0; c < ch; ++c) sum[static_cast<size_t>(c)] += a * at(in.pixels, i * ch + c);
          weight += a;
          alpha += a;
        }
      }
      double n = static_cast<double>(x1 - x0) * (y1 - y0);
      size_t o = size_t{y} * w + x;
      for (int c = 0; c < ch; ++c) {
        double v = weight > 0 ? sum[static_cast<size_t>(c)] / weight : 0;
        out.pixels[o * ch + c] = static_cast<char>(std::lround(std::clamp(v, 0.0, 255.0)));
      }
      if (has_alpha) out.alpha[o] = static_cast<char>(std::lround(alpha / n * 255));
    }
  }
}

}  // namespace

std::shared_ptr<const Picture> downsample(const std::shared_ptr<const Picture>& p, uint32_t width,
                                          uint32_t height) {
  width = std::max<uint32_t>(width, 1);
  height = std::max<uint32_t>(height, 1);
  if (p->width <= width && p->height <= height) return p;
  double k =
      std::min(static_cast<double>(width) / p->width, static_cast<double>(height) / p->height);
  if (p->format == Format::Jpeg) {
    // The smallest DCT scale (n/8) that still keeps the pixels wanted.
    unsigned num = std::clamp(static_cast<unsigned>(std::ceil(k * 8)), 1u, 8u);
    if (num == 8) return p;
    auto out = jpeg_rescale(*p, num);
    if (!out) return p;
    return out;
  }
  auto out = std::make_shared<Picture>();
  out->format = p->format;
  out->orientation = p->orientation;
  out->width = std::max<uint32_t>(1, static_cast<uint32_t>(std::lround(p->width * k)));
  out->height = std::max<uint32_t>(1, static_cast<uint32_t>(std::lround(p->height * k)));
  area_average(*p, *out);
  out->hash = p->hash ^ (uint64_t{out->width} << 32 | out->height);
  return out;
}

}  // namespace deckpdf::image

// image/resample — pictures made smaller for --image-dpi: pixels averaged
// over the area each new pixel covers; a JPEG decoded at a smaller DCT
// scale and encoded again.
#pragma once

#include <cstdint>
#include <memory>

#include "image/image.h"

namespace deckpdf::image {

// `p` with at most `width` x `height` stored pixels (as stored, before its
// orientation), keeping its aspect; `p` itself when it is no bigger, or
// when a JPEG cannot be read again.
std::shared_ptr<const Picture> downsample(const std::shared_ptr<const Picture>& p, uint32_t width,
                                          uint32_t height);

// (internal to image/) A JPEG decoded at a scale of `num`/8 and encoded
// again at quality 85: nullptr on any libjpeg error.
std::shared_ptr<Picture> jpeg_rescale(const Picture& p, unsigned num);

}  // namespace deckpdf::image

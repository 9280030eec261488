// Video frame upload for software and GPU renderers.
#include "video_texture.h"

#include <algorithm>

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

#include "media/log.h"
#include "media/padded_frame.h"
#include "media/pixel_format.h"

namespace etalase::platform {

namespace {

// Bilinear is what a viewer expects of a scaled video; unlike SWS_FAST_BILINEAR it averages
// when shrinking (no shimmering on fine patterns) and runs on SIMD code at the same cost.
constexpr int kScaleFlags = SWS_BILINEAR;

int colorspaceFor(const AVFrame* frame) {
  if (frame->colorspace != AVCOL_SPC_UNSPECIFIED && frame->colorspace != AVCOL_SPC_RESERVED) {
    return frame->colorspace;
  }
  return frame->height >= 720 ? AVCOL_SPC_BT709 : AVCOL_SPC_BT470BG;
}

void applyColorDetails(SwsContext* scaler, const AVFrame* frame) {
  const int* source = sws_getCoefficients(colorspaceFor(frame));
  const int* target = sws_getCoefficients(AVCOL_SPC_BT709);
  const int sourceFullRange = media::isFullRange(frame) ? 1 : 0;
  sws_setColorspaceDetails(scaler, source, sourceFullRange, target, 1, 0, 1 << 16, 1 << 16);
}

AVPixelFormat sourceFormat(const AVFrame* frame) { return media::withoutJpegRange(frame->format); }

}  // namespace

VideoTexture::VideoTexture(SDL_Renderer* renderer, bool softwareRendering)
    : m_renderer(renderer), m_software(softwareRendering) {
  SDL_SetYUVConversionMode(SDL_YUV_CONVERSION_AUTOMATIC);
}

bool VideoTexture::ensureTexture(Uint32 format, int width, int height, bool padded) {
  if (m_texture && m_textureFormat == format && m_textureWidth == width && m_textureHeight == height) {
    return true;
  }
  // SDL sizes a texture's pixels exactly, but swscale writes whole vectors past the end of each
  // row and of the last row: a texture swscale draws into gets the padding libav asks of every
  // destination, and only its top-left width x height is ever shown.
  const int allocatedWidth = padded ? av::paddedWidth(width) : width;
  const int allocatedHeight = padded ? height + av::kSpareRows : height;
  m_texture.reset(SDL_CreateTexture(m_renderer, format, SDL_TEXTUREACCESS_STREAMING, allocatedWidth, allocatedHeight));
  if (!m_texture) {
    log::error("cannot create a {}x{} video texture: {}", width, height, SDL_GetError());
    m_textureWidth = m_textureHeight = 0;
    return false;
  }
  // Video is opaque: blending would only cost time on the software renderer.
  SDL_SetTextureBlendMode(m_texture.get(), SDL_BLENDMODE_NONE);
  m_textureFormat = format;
  m_textureWidth = width;
  m_textureHeight = height;
  return true;
}

bool VideoTexture::update(const AVFrame* frame, const media::VideoGeometry& geometry, SDL_Rect area) {
  if (!frame || frame->width <= 0 || frame->height <= 0) return false;
  media::VideoGeometry actual = geometry;
  // The decoder's frame size wins over the container's (streams can change size mid-way).
  actual.codedWidth = frame->width;
  actual.codedHeight = frame->height;
  if (frame->sample_aspect_ratio.num > 0) actual.sampleAspect = frame->sample_aspect_ratio;
  m_placement = placeVideo(actual, area);
  if (m_placement.unrotated.w <= 0 || m_placement.unrotated.h <= 0) return false;
  const bool ok = m_software ? updateScaledRgb(frame, m_placement) : updateYuv(frame);
  m_hasFrame = m_hasFrame || ok;
  return ok;
}

bool VideoTexture::updateScaledRgb(const AVFrame* frame, const VideoPlacement& placement) {
  const int width = placement.unrotated.w;
  const int height = placement.unrotated.h;
  // SDL_PIXELFORMAT_RGB888 is libav's BGR0 in memory on little-endian machines.
  if (!ensureTexture(SDL_PIXELFORMAT_RGB888, width, height, /*padded=*/true)) return false;
  // Scaling straight to RGB runs swscale's plain-C output code; scaling in YUV first and then
  // converting the smaller picture keeps both steps on its SIMD code (about a third less work
  // in the scaler for 1080p shown at 720p), for one 1.4 MB picture more.
  const AVFrame* source = frame;
  if (frame->width != width || frame->height != height) {
    source = toYuv420p(frame, width, height);
    if (!source) return false;
  }
  // sws_getCachedContext frees the old context itself when it cannot reuse it.
  m_converter.reset(sws_getCachedContext(m_converter.release(), source->width, source->height,
                                         sourceFormat(source), width, height, AV_PIX_FMT_BGR0, kScaleFlags,
                                         nullptr, nullptr, nullptr));
  if (!m_converter) {
    log::error("cannot convert {} video", av_get_pix_fmt_name(static_cast<AVPixelFormat>(frame->format)));
    return false;
  }
  applyColorDetails(m_converter.get(), frame);
  void* pixels = nullptr;
  int pitch = 0;
  if (SDL_LockTexture(m_texture.get(), nullptr, &pixels, &pitch) != 0) return false;
  uint8_t* planes[4] = {static_cast<uint8_t*>(pixels), nullptr, nullptr, nullptr};
  int strides[4] = {pitch, 0, 0, 0};
  sws_scale(m_converter.get(), source->data, source->linesize, 0, source->height, planes, strides);
  SDL_UnlockTexture(m_texture.get());
  return true;
}

const AVFrame* VideoTexture::toYuv420p(const AVFrame* frame, int width, int height) {
  if (!m_yuv || m_yuv->width != width || m_yuv->height != height) {
    m_yuv = av::makePaddedFrame(AV_PIX_FMT_YUV420P, width, height);
    if (!m_yuv) {
      log::error("out of memory for a {}x{} video picture", width, height);
      return nullptr;
    }
  }
  m_scaler.reset(sws_getCachedContext(m_scaler.release(), frame->width, frame->height, sourceFormat(frame), width,
                                      height, AV_PIX_FMT_YUV420P, kScaleFlags, nullptr, nullptr, nullptr));
  if (!m_scaler) {
    log::error("cannot scale {} video", av_get_pix_fmt_name(static_cast<AVPixelFormat>(frame->format)));
    return nullptr;
  }
  // Same colours and range out as in: whoever shows the picture applies them.
  const int* coefficients = sws_getCoefficients(colorspaceFor(frame));
  const int range = media::isFullRange(frame) ? 1 : 0;
  sws_setColorspaceDetails(m_scaler.get(), coefficients, range, coefficients, range, 0, 1 << 16, 1 << 16);
  sws_scale(m_scaler.get(), frame->data, frame->linesize, 0, frame->height, m_yuv->data, m_yuv->linesize);
  return m_yuv.get();
}

bool VideoTexture::updateYuv(const AVFrame* frame) {
  const AVFrame* source = frame;
  if (frame->format == AV_PIX_FMT_NV12) {
    if (!ensureTexture(SDL_PIXELFORMAT_NV12, frame->width, frame->height, /*padded=*/false)) return false;
    return SDL_UpdateNVTexture(m_texture.get(), nullptr, frame->data[0], frame->linesize[0],
                               frame->data[1], frame->linesize[1]) == 0;
  }
  if (frame->format != AV_PIX_FMT_YUV420P && frame->format != AV_PIX_FMT_YUVJ420P) {
    // 10-bit, 4:2:2, RGB...: one conversion to 8-bit 4:2:0 at the coded size, the GPU does the rest.
    source = toYuv420p(frame, frame->width, frame->height);
    if (!source) return false;
  }
  if (!ensureTexture(SDL_PIXELFORMAT_IYUV, source->width, source->height, /*padded=*/false)) return false;
  return SDL_UpdateYUVTexture(m_texture.get(), nullptr, source->data[0], source->linesize[0],
                              source->data[1], source->linesize[1], source->data[2],
                              source->linesize[2]) == 0;
}

void VideoTexture::draw(float opacity) const {
  if (!m_hasFrame || !m_texture) return;
  const bool blended = opacity < 1.0f;
  if (blended) {  // only during a dissolve: blending costs a read of every pixel on a CPU renderer
    SDL_SetTextureBlendMode(m_texture.get(), SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(m_texture.get(), static_cast<Uint8>(std::clamp(opacity, 0.0f, 1.0f) * 255.0f));
  }
  const SDL_Rect picture{0, 0, m_textureWidth, m_textureHeight};  // a padded texture's padding is never shown
  if (m_placement.angle == 0.0) {
    SDL_RenderCopy(m_renderer, m_texture.get(), &picture, &m_placement.unrotated);
  } else {
    SDL_RenderCopyEx(m_renderer, m_texture.get(), &picture, &m_placement.unrotated, m_placement.angle,
                     nullptr, SDL_FLIP_NONE);
  }
  if (blended) {
    SDL_SetTextureBlendMode(m_texture.get(), SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(m_texture.get(), 255);
  }
}

}  // namespace etalase::platform

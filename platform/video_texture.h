// Puts decoded video frames on screen with as little CPU work as the renderer allows:
// YUV planes uploaded untouched to a GPU renderer (it scales and converts), or on SDL's software
// renderer scaled in YUV, then converted into the texture's own pixels.
// UI thread only.
#pragma once

#include "media/av_ptr.h"
#include "media/media_file.h"
#include "sdl_ptr.h"
#include "video_placement.h"

namespace etalase::platform {

class VideoTexture {
 public:
  VideoTexture(SDL_Renderer* renderer, bool softwareRendering);

  // Uploads `frame` for showing inside `area`. Returns false (and logs) if it could not.
  bool update(const AVFrame* frame, const media::VideoGeometry& geometry, SDL_Rect area);
  // Draws the last uploaded frame, see-through below opacity 1; does nothing before the first.
  void draw(float opacity = 1.0f) const;
  bool hasFrame() const { return m_hasFrame; }
  // The picture fills the whole w x h output (no bars), so clearing first would be wasted work.
  bool covers(SDL_Point size) const {
    return m_hasFrame && m_placement.angle == 0.0 && m_placement.unrotated.x <= 0 && m_placement.unrotated.y <= 0 &&
           m_placement.unrotated.w >= size.x && m_placement.unrotated.h >= size.y;
  }
  // Forget the picture (e.g. when the playlist changes).
  void clear() { m_hasFrame = false; }

 private:
  bool updateScaledRgb(const AVFrame* frame, const VideoPlacement& placement);
  // The frame as 8-bit 4:2:0 at width x height (in m_yuv), colours untouched; null on failure.
  const AVFrame* toYuv420p(const AVFrame* frame, int width, int height);
  bool updateYuv(const AVFrame* frame);
  // A texture showing width x height pixels; `padded` for one that swscale writes into.
  bool ensureTexture(Uint32 format, int width, int height, bool padded);

  SDL_Renderer* m_renderer;
  bool m_software;
  TexturePtr m_texture;
  Uint32 m_textureFormat = 0;
  int m_textureWidth = 0;  // the picture's part of the texture, without padding
  int m_textureHeight = 0;
  av::SwsPtr m_scaler;     // to m_yuv
  av::SwsPtr m_converter;  // software renderer: YUV at the final size to RGB
  // The picture in 8-bit 4:2:0: scaled to its final size for the software renderer, or converted
  // at its own size for a GPU texture when SDL has no texture format for it.
  av::FramePtr m_yuv;
  VideoPlacement m_placement;
  bool m_hasFrame = false;
};

}  // namespace etalase::platform

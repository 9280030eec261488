// SDL textures from decoded pictures. UI thread only.
#pragma once

#include "media/av_ptr.h"
#include "sdl_ptr.h"

namespace etalase::platform {

// `rgba` must be AV_PIX_FMT_RGBA (media::loadStillImage gives that). Null on failure.
TexturePtr textureFromRgba(SDL_Renderer* renderer, const AVFrame* rgba);

}  // namespace etalase::platform

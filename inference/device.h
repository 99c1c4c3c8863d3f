#pragma once
// Which compute devices and dtypes this build of libtorch offers on this machine.
// Torch-free header: the UI shows these without including libtorch.
#include <string>
#include <vector>

namespace leopard {

struct DeviceInfo {
    std::string torchVersion;     // e.g. "1.13.0"
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
    bool cpuHasNativeBf16 = false; // AVX512-BF16 / AMX: bf16 matmuls run natively through oneDNN
    std::string defaultDevice;     // "cuda" when present, else "cpu"
    std::string defaultDtype;      // bf16 on CUDA, bf16 on CPUs with native bf16, else fp32
};

DeviceInfo probeDevices();

} // namespace leopard

// Do not zero locals and stackalloc buffers on entry: every buffer here is written before
// it is read, and zeroing would cost time in Console and the helpers on every call.
[module: System.Runtime.CompilerServices.SkipLocalsInit]

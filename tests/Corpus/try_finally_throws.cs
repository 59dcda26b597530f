// A finally that throws while an exception unwinds: the outer finally blocks still run, and the program dies of
// the first exception, as on CoreCLR.
using System;
class Program {
  static void Inner() {
    try { Console.WriteLine("in try"); throw new InvalidOperationException("first"); }
    finally { Console.WriteLine("inner finally"); throw new ArgumentException("second"); }
  }
  static int Main() {
    try { Inner(); }
    finally { Console.WriteLine("outer finally"); }
    return 0;
  }
}

// start_floor: the floor for process start time, built with the host's C compiler as a
// static libc program (not with rt0gen): it starts, does nothing and exits.
int main(void) {
    return 0;
}

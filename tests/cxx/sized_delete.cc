// Sized deallocation: operator delete(void*, size_t) called by the compiler
// for `delete` of a complete type, called explicitly, and the sized array
// form for a type with a destructor.
//   (no argument): all sizes right: clean
//   bug:           the explicit call gives 32 for a 40-byte block
//                  -> LayoutMismatch (sized operator delete)
#include <cstdio>
#include <cstring>
#include <new>

struct Triple {
    long a, b, c;
};

struct Named {
    char name[24];
    ~Named() { name[0] = 0; }
};

int main(int argc, char **argv)
{
    bool bug = argc > 1 && std::strcmp(argv[1], "bug") == 0;
    Triple *t = new Triple{1, 2, 3};
    long sum = t->a + t->b + t->c;
    delete t;                                   // sized delete, 24 bytes

    void *raw = ::operator new(40);
    ::operator delete(raw, bug ? 32 : 40);      // explicit sized delete

    Named *names = new Named[3];
    names[2].name[0] = 'x';
    sum += names[2].name[0];
    delete[] names;                             // sized delete[] with cookie

    std::printf("sum %ld\n", sum);
    return 0;
}

// An array made with new[].
//   bug:   released with delete (not delete[])   -> ForeignFree (new[] block, delete)
//   fixed: released with delete[]
#include <cstdio>
#include <cstring>

static int *make_table(int n)
{
    int *t = new int[n];
    for (int i = 0; i < n; i++)
        t[i] = i * i;
    return t;
}

int main(int argc, char **argv)
{
    bool fixed = argc > 1 && std::strcmp(argv[1], "fixed") == 0;
    int *t = make_table(8);
    std::printf("t[7] = %d\n", t[7]);
    if (fixed)
        delete[] t;
    else
        delete t;
    return 0;
}

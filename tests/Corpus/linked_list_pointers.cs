// An intrusive doubly linked list of structs in stackalloc'ed memory, manipulated through pointers:
// push, remove, reverse, and a free list of nodes, as a scheduler's run queue would be.
using System;

unsafe struct Task
{
    public Task* Next;
    public Task* Prev;
    public int Id;
    public int Priority;
}

unsafe struct TaskList
{
    public Task* Head;
    public Task* Tail;
    public int Count;

    public void PushBack(Task* t)
    {
        t->Next = null;
        t->Prev = Tail;
        if (Tail != null) Tail->Next = t; else Head = t;
        Tail = t;
        Count++;
    }

    public void Remove(Task* t)
    {
        if (t->Prev != null) t->Prev->Next = t->Next; else Head = t->Next;
        if (t->Next != null) t->Next->Prev = t->Prev; else Tail = t->Prev;
        t->Next = t->Prev = null;
        Count--;
    }

    public Task* PopFront()
    {
        Task* t = Head;
        if (t != null) Remove(t);
        return t;
    }

    public void Reverse()
    {
        Task* cur = Head;
        Tail = Head;
        Task* prev = null;
        while (cur != null)
        {
            Task* next = cur->Next;
            cur->Next = prev;
            cur->Prev = next;
            prev = cur;
            cur = next;
        }
        Head = prev;
    }

    public void Print()
    {
        for (Task* t = Head; t != null; t = t->Next)
        {
            Console.Write(t->Id); Console.Write(' ');
        }
        Console.WriteLine();
    }
}

unsafe class Program
{
    static int Main()
    {
        Task* pool = stackalloc Task[10];
        TaskList ready = default;
        for (int i = 0; i < 10; i++)
        {
            pool[i].Id = i + 1;
            pool[i].Priority = (i * 7) % 4;
            ready.PushBack(&pool[i]);
        }
        ready.Print();
        ready.Remove(&pool[0]);
        ready.Remove(&pool[9]);
        ready.Remove(&pool[4]);
        ready.Print();
        Console.WriteLine(ready.Count);
        ready.Reverse();
        ready.Print();
        Console.WriteLine(ready.Tail->Id);

        // round-robin: run the highest priority first, re-queue with decayed priority
        TaskList done = default;
        int order = 0;
        while (ready.Count > 0)
        {
            Task* best = ready.Head;
            for (Task* t = ready.Head; t != null; t = t->Next) if (t->Priority > best->Priority) best = t;
            ready.Remove(best);
            order = order * 3 + best->Id % 3;
            if (best->Priority > 0)
            {
                best->Priority--;
                ready.PushBack(best);
            }
            else
            {
                done.PushBack(best);
            }
        }
        done.Print();
        Console.WriteLine(order);
        Console.WriteLine((byte*)&pool[1] - (byte*)&pool[0] == sizeof(Task));
        return 0;
    }
}
